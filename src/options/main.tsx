import '../shared/ui/browser-i18n.js';
import { render } from 'preact';
import { t } from '../shared/i18n.js';

function OptionsApp() {
  return (
    <>
      <header class="header">
        <span class="logo" aria-hidden="true" />
        <h1>{t('optionsTitle')}</h1>
      </header>
      <section class="card">
        <p>{t('optionsIntro')}</p>
      </section>
    </>
  );
}

const root = document.getElementById('app');
if (root) render(<OptionsApp />, root);
