// Entry of the citizen's lookup page (dist/citizen.html, served at /tra-cuu): its
// own styles and script, none of the officers' desk.

import '../base.css';
import './citizen.css';
import { renderLookupPage } from './page';

const root = document.getElementById('app');
if (root !== null) root.replaceChildren(renderLookupPage());
