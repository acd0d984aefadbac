// The entry of a SCORM package's launch page (bundled by hooks/guide/assets.py into one classic
// script, in the packages only): starts the platform's session (lms.js) as the page loads, before
// its frame loads the guide.
import { start } from "./lms.js";

start();
