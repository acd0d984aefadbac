// The entry of extras.js, the code later.js fetches on first use: the projector and the "Embed"
// dialog, handed to it through one global (a classic script has no other way to answer).
import { project } from "./projector.js";
import { showEmbedCode } from "./embedcode.js";

window.guideExtras = { project, showEmbedCode };
