// Asked first, before preact and the components are evaluated: the worker answers while they load.
import './first-request.js';
import '../browser-i18n.js';
import { render } from 'preact';
import { t } from '../../shared/i18n.js';
import { PopupApp } from './PopupApp.js';

document.title = t('popupTitle');
const root = document.getElementById('app');
if (root) render(<PopupApp />, root);
