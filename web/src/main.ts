// Entry point: styles, then the app in #app.

import './base.css';
import './styles.css';
import './dashboard/dashboard.css'; // small; the dashboard's code itself loads on demand
import { startApp } from './app';

const root = document.getElementById('app');
if (root !== null) startApp(root);
