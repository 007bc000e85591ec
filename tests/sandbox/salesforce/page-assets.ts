// Inline styles of the emulated Salesforce pages: enough to look like Salesforce (SLDS colours,
// grey page, white cards, blue brand) so screenshots and the toolbar's placement read true.
// No external assets: the sandbox serves nothing but these pages.

export const LIGHTNING_CSS = `
  :root { --brand: #0176d3; --brand-dark: #014486; --border: #dddbda; --text: #181818; --weak: #706e6b; }
  * { box-sizing: border-box; }
  body { margin: 0; background: #f3f3f3; color: var(--text); font: 13px/1.5 "Salesforce Sans", system-ui, Arial, sans-serif; }
  :where(:not(:defined)) { display: block; }
  lightning-formatted-text, lightning-formatted-name, lightning-formatted-email, records-highlights-icon,
  lightning-button, runtime_platform_actions-action-renderer, lightning-button-menu { display: inline-block; }
  a { color: var(--brand); text-decoration: none; }
  a:hover { text-decoration: underline; }
  .oneHeader { display: flex; align-items: center; gap: 16px; height: 50px; padding: 0 16px; background: #fff; border-bottom: 1px solid var(--border); }
  .oneHeader .brandLogo { width: 42px; height: 30px; border-radius: 15px; background: #00a1e0; color: #fff; font-weight: 700;
    display: flex; align-items: center; justify-content: center; }
  .oneHeader .globalSearch { flex: 1; max-width: 560px; margin: 0 auto; padding: 6px 12px; border: 1px solid var(--border); border-radius: 4px; color: var(--weak); }
  .oneHeader .userMenu { display: flex; gap: 12px; align-items: center; }
  .oneAppNavContainer, .tabsetHeader { display: flex; align-items: stretch; height: 40px; background: #fff; border-bottom: 3px solid var(--brand); }
  one-appnav, one-app-nav-bar { display: flex; }
  .appName { padding: 0 24px 0 16px; font-size: 18px; line-height: 40px; border-right: 1px solid var(--border); }
  .slds-context-bar__secondary ul, .tabBarItems { display: flex; margin: 0; padding: 0; list-style: none; }
  .navItem a, .tabHeader { display: block; padding: 0 12px; line-height: 40px; color: var(--text); }
  .navItem.slds-is-active, .tabItem.slds-is-active { box-shadow: inset 0 -3px 0 var(--brand); background: #f3f3f3; }
  .tabItem { border-right: 1px solid var(--border); max-width: 220px; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
  .slds-brand-band { background: linear-gradient(#1b5297 0, #1b5297 120px, transparent 120px); min-height: calc(100vh - 93px); }
  .slds-template__container, .split-right { padding: 12px; }
  .slds-page-header, .slds-card, .slds-section { background: #fff; border: 1px solid var(--border); border-radius: 4px; padding: 12px 16px;
    margin-bottom: 12px; box-shadow: 0 2px 2px rgb(0 0 0 / .1); }
  .primaryFieldRow { display: flex; align-items: center; gap: 12px; }
  .primaryFieldRow h1 { flex: 1; margin: 0; font-size: 18px; font-weight: 700; }
  .entityNameTitle { font-size: 12px; font-weight: 400; color: var(--weak); }
  .icon { display: inline-flex; width: 32px; height: 32px; align-items: center; justify-content: center; border-radius: 4px; color: #fff; background: #f88962; font-weight: 700; }
  .slds-button-group-list { display: flex; margin: 0; padding: 0; list-style: none; }
  .slds-button { padding: 4px 14px; border: 1px solid var(--border); background: #fff; color: var(--brand); font: inherit; cursor: pointer; }
  .slds-button-group-list li:first-child .slds-button { border-radius: 4px 0 0 4px; }
  .slds-button-group-list li:last-child .slds-button { border-radius: 0 4px 4px 0; }
  .secondaryFields { display: flex; gap: 32px; margin-top: 12px; }
  .slds-text-title { margin: 0; color: var(--weak); font-size: 12px; }
  .fieldComponent { margin: 0; }
  .main-grid { display: flex; gap: 12px; align-items: flex-start; }
  .region-main { flex: 2; min-width: 0; }
  .region-sidebar-right { flex: 1; min-width: 0; }
  .slds-section__title, .slds-card__header-title { margin: 0 0 8px; font-size: 14px; font-weight: 700; }
  .layoutGrid { display: grid; grid-template-columns: 1fr 1fr; gap: 4px 24px; }
  .slds-form-element { border-bottom: 1px solid #f3f3f3; padding: 4px 0; }
  .slds-form-element__label { display: block; color: var(--weak); font-size: 12px; }
  .slds-form-element_horizontal { display: flex; gap: 8px; padding: 2px 0; }
  .slds-form-element_horizontal .slds-form-element__label { flex: 0 0 33%; }
  .slds-table { width: 100%; border-collapse: collapse; background: #fff; }
  .slds-table th, .slds-table td { text-align: left; padding: 6px 8px; border-bottom: 1px solid var(--border); }
  .slds-table th { background: #fafaf9; color: var(--weak); font-weight: 400; }
  .emptyContent { color: var(--weak); }
  .slds-tabs_default__nav { display: flex; gap: 16px; margin: 0 0 8px; padding: 0; list-style: none; border-bottom: 1px solid var(--border); }
  .slds-tabs_default__item.slds-is-active a { box-shadow: inset 0 -2px 0 var(--brand); }
  .slds-tabs_default__item a { display: block; padding: 4px 0; color: var(--text); }
  runtime_sales_activities-activity-panel-composer { display: block; }
  .activityPanel .slds-button-group { display: flex; flex-wrap: wrap; gap: 4px; }
  .errorView { text-align: center; padding: 48px; }
`;

export const CLASSIC_CSS = `
  body { margin: 0; background: #cfeef8; color: #222; font: 12px/1.4 Arial, Helvetica, sans-serif; }
  a { color: #015ba7; }
  #AppBodyHeader { background: #fff; border-bottom: 1px solid #bbb; }
  .phHeader { width: 100%; padding: 8px 12px; }
  .phHeader .logo { color: #00a1e0; font-size: 22px; font-weight: 700; }
  .phHeader .right { text-align: right; }
  .phHeader .right a { margin-left: 12px; }
  #tabBar { border-collapse: collapse; margin-left: 12px; }
  #tabBar td { padding: 6px 12px; background: #e8e8e9; border-radius: 6px 6px 0 0; border: 1px solid #ccc; }
  #tabBar td.currentTab { background: #1797c0; }
  #tabBar td.currentTab a { color: #fff; font-weight: 700; }
  #tabBar a { text-decoration: none; color: #333; }
  .bodyDiv { background: #fff; margin: 0 8px 8px; border-top: 3px solid #1797c0; border-radius: 0 0 4px 4px; }
  #bodyTable { width: 100%; border-collapse: collapse; }
  #sidebarCell { width: 190px; vertical-align: top; padding: 12px; background: #f4f4f4; }
  #bodyCell { vertical-align: top; padding: 12px; }
  .sidebarModule h2 { font-size: 12px; margin: 0 0 6px; }
  .sidebarModule ul { margin: 0 0 12px; padding-left: 16px; }
  .pageType { font-size: 12px; font-weight: 400; margin: 0; }
  .pageDescription { font-size: 20px; margin: 0 0 12px; }
  .bPageBlock { border: 1px solid #e0e3e5; border-top: 3px solid #1797c0; border-radius: 4px; margin-bottom: 12px; background: #f8f8f8; }
  .pbHeader table { width: 100%; border-collapse: collapse; }
  .pbTitle { padding: 6px 8px; width: 30%; }
  .pbTitle h2, .pbTitle h3 { margin: 0; font-size: 13px; }
  .pbButton { padding: 6px 8px; }
  /* Classic's own buttons (Edit, Delete, New Task, New Event): the Aloha skin's common.css rule
     "body button, body .btn" as Salesforce serves it and Visualforce pages copy it to look native:
     color #333, margin 1px, padding 2px 3px, border 1px solid #b5b5b5 with border-bottom-color
     #7f7f7f, background #e8e8e9 url(/img/alohaSkin/btn_sprite.png) repeat-x right top, bold, .9em
     of the 12px body (75%), border-radius 3px, in the body's Arial. The sprite's visible band, a
     white-to-grey fade, is drawn as the gradient below (the emulator serves no images). */
  .btn { color: #333; margin: 1px; padding: 2px 3px; border: 1px solid #b5b5b5; border-bottom-color: #7f7f7f; border-radius: 3px; background: #e8e8e9 linear-gradient(#fff, #e8e8e9); font: 700 .9em Arial, Helvetica, sans-serif; cursor: pointer; }
  .pbBody { background: #fff; padding: 4px 8px; }
  .detailList { width: 100%; border-collapse: collapse; }
  .detailList td { padding: 4px 6px; border-bottom: 1px solid #ececec; }
  .labelCol { width: 18%; text-align: right; font-weight: 700; color: #4a4a56; }
  table.list { width: 100%; border-collapse: collapse; }
  table.list th, table.list td { text-align: left; padding: 4px 6px; border-bottom: 1px solid #e3deb8; }
  .noRowsHeader { color: #666; padding: 4px 0; }
`;

export const LOGIN_CSS = `
  body { margin: 0; background: #f3f3f3; font: 14px/1.5 system-ui, Arial, sans-serif; color: #181818; }
  main { width: 380px; margin: 80px auto; background: #fff; border: 1px solid #dddbda; border-radius: 4px; padding: 24px; }
  .logo { text-align: center; color: #00a1e0; font-size: 28px; font-weight: 700; margin-bottom: 16px; }
  label { display: block; margin: 12px 0 4px; color: #3e3e3c; }
  input.input { width: 100%; box-sizing: border-box; padding: 10px; border: 1px solid #c9c9c9; border-radius: 4px; font: inherit; }
  .button { width: 100%; margin-top: 20px; padding: 12px; border: 0; border-radius: 4px; background: #0176d3; color: #fff; font: inherit; cursor: pointer; }
  .loginError { background: #fddde3; color: #8c0f1e; padding: 8px 12px; border-radius: 4px; }
`;
