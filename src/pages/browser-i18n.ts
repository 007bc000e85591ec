// Wires the shared i18n helper to the browser's _locales for extension pages.
import browser from 'webextension-polyfill';
import { useMessages } from '../shared/i18n.js';

useMessages((key, substitutions) => browser.i18n.getMessage(key, substitutions));
