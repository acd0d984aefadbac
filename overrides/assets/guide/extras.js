// The entry of extras.js, the code later.js fetches on first use: the projector, the "Embed"
// dialog, My data and the self-assessment (one page each) and the plan's calendar file, handed to it through one global (a classic script
// has no other way to answer).
import { project } from "./projector.js";
import { showEmbedCode } from "./embedcode.js";
import { mount as mydata } from "./mydata.js";
import { mount as mountAssessment } from "./assessment.js";
import { calendar as ics } from "./ics.js";
import { download } from "./download.js";

// The plan's calendar file (assessment.js), downloaded as `name`.
const calendar = (event, name) => download(name, "text/calendar", ics(event));

// The self-assessment (one page of the guide, and its embed), with the page's storage and the calendar file.
const assessment = (root, store) => mountAssessment(root, { ...store, calendar });

window.guideExtras = { project, showEmbedCode, mydata, assessment };
