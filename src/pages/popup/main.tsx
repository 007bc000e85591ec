import '../browser-i18n.js';
import { render } from 'preact';
import { PopupApp } from './PopupApp.js';

const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
