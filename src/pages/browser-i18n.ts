// Wires the shared i18n helper to the browser's _locales for extension pages.
import { useMessages } from '../shared/i18n.js';

useMessages((key, substitutions) => chrome.i18n.getMessage(key, substitutions));
