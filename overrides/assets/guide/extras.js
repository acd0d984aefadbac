// The entry of extras.js, the code later.js fetches on first use: the projector, the "Embed"
// dialog, My data (one page of the guide) and the plan's calendar file, handed to it through one global (a classic script
// has no other way to answer).
import { project } from "./projector.js";
import { showEmbedCode } from "./embedcode.js";
import { mount as mydata } from "./mydata.js";
import { calendar as ics } from "./ics.js";
import { download } from "./download.js";

// The plan's calendar file (assessment.js), downloaded as `name`.
const calendar = (event, name) => download(name, "text/calendar", ics(event));

window.guideExtras = { project, showEmbedCode, mydata, calendar };
