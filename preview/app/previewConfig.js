/**
 * Runs before the bundle (a classic script, see preview/build/build.mjs): the page's language from
 * ?lang=, and the preview's clock. The components compute "today" from Date.now() in the user's time
 * zone; the clock starts at the workday the fixtures describe (the morning after the demo's last
 * night) and then runs normally, so dates on every page and in every screenshot are the demo's.
 */
function installPreview(config) {
  const params = new URLSearchParams(window.location.search);
  const language = config.languages.includes(params.get('lang')) ? params.get('lang') : 'en';
  const RealDate = window.Date;
  const offset = config.clock - RealDate.now();
  class PreviewDate extends RealDate {
    constructor(...args) {
      if (args.length === 0) super(RealDate.now() + offset);
      else super(...args);
    }
    static now() {
      return RealDate.now() + offset;
    }
  }
  window.Date = PreviewDate;
  window.__preview = { ...config, language };
  document.documentElement.lang = language;
}
