/**
 * Mend's embeddable finder: the loader that partner pages include with
 *
 *   <script src="https://<mend>/widget.js" async></script>
 *   <mend-finder data-key="mend_pk_live_…"></mend-finder>
 *
 * It defines <mend-finder> and puts an iframe served from Mend's own origin in it, so the host
 * page (and any third-party script on it) cannot read what a couple types. The loader only:
 * - builds the frame URL from its attributes (data-key, data-mode, data-accent, data-exit-url,
 *   data-lang) and the page's language (<html lang>, when data-lang is absent);
 * - introduces itself to the frame (postMessage, to Mend's origin only), so the frame learns the
 *   page's origin from the browser (MessageEvent.origin), not from anything the page claims;
 * - sizes the frame to its content, and performs Quick exit, on messages it accepts only from
 *   its own frame's window and Mend's origin;
 * - explains in the console when the frame does not start (usually: this page's origin is not in
 *   the key's allowedOrigins, so Mend's frame-ancestors policy refused to be framed here).
 *
 * Plain script on purpose (no imports, no globals besides the custom element), no cookies, no
 * storage, no requests of its own. Attributes are read once, when the element is connected.
 */
(() => {
  const TAG = 'mend-finder';
  const PROTOCOL = 'mend-widget/1';
  const KEY = /^mend_pk_(live|test)_[0-9A-Za-z]{38}$/;
  const ACCENT = /^#[0-9a-fA-F]{3}([0-9a-fA-F]{3})?$/;
  const DEFAULT_EXIT = 'https://www.weather.com/';
  // After the frame's load event, its script has run: a silent frame means it was refused.
  const HANDSHAKE_GRACE_MS = 3000;
  // The loader's own words (it has no imports; the frame's are in messages.ts), by widget language.
  const WORDS = {
    en: { title: 'Find couples counseling', refused: 'The counseling finder could not be shown here.' },
    es: { title: 'Buscar terapia de pareja', refused: 'El buscador de terapia no se pudo mostrar aquí.' },
  } as const;
  type Lang = keyof typeof WORDS;

  const script = document.currentScript as HTMLScriptElement | null;
  if (!script?.src) {
    console.error('Mend widget: load widget.js with a classic <script src="…/widget.js" async></script> tag.');
    return;
  }
  const mendOrigin = new URL(script.src).origin;
  if (customElements.get(TAG)) return; // included twice

  interface FrameMessage {
    protocol: string;
    type: 'ready' | 'resize' | 'exit';
    height?: number;
  }

  const log = (message: string) => console.error(`Mend widget: ${message}`);

  /** The widget language of a BCP 47 tag (es-MX → es), or undefined (same rule as messages.ts widgetLang). */
  function langOf(tag: string | null | undefined): Lang | undefined {
    const primary = /^([a-z]{2,3})(?:[-_]|$)/i.exec((tag ?? '').trim())?.[1].toLowerCase();
    return primary === 'en' || primary === 'es' ? primary : undefined;
  }

  /** The region of a BCP 47 tag (es-MX → MX, zh-Hant-TW → TW), or undefined: the intake preselects that country. */
  function regionOf(tag: string | null | undefined): string | undefined {
    return /^[a-z]{2,3}(?:[-_][a-z]{4})?[-_]([a-z]{2})(?:[-_]|$)/i.exec((tag ?? '').trim())?.[1].toUpperCase();
  }

  /** Only https destinations (or the neutral default) for Quick exit. */
  function exitUrl(value: string | null): string {
    if (!value) return DEFAULT_EXIT;
    try {
      const url = new URL(value);
      if (url.protocol === 'https:') return url.href;
    } catch {
      // fall through
    }
    log(`data-exit-url must be an https:// URL; using ${DEFAULT_EXIT}.`);
    return DEFAULT_EXIT;
  }

  class MendFinder extends HTMLElement {
    private frame?: HTMLIFrameElement;
    private started = false;
    private timer?: number;
    private uiLang: Lang = 'en';
    private readonly onMessage = (event: MessageEvent) => this.receive(event);

    connectedCallback(): void {
      if (this.frame) return;
      const key = (this.dataset.key ?? '').trim();
      if (key.startsWith('mend_sk_')) {
        // Never send a secret key anywhere from a browser: not even to Mend's frame URL.
        log('data-key holds a SECRET key (mend_sk_…). Remove it from this page now, rotate it, and use a publishable key (mend_pk_…).');
        return;
      }
      if (!KEY.test(key)) {
        log('data-key must be a publishable key (mend_pk_live_… or mend_pk_test_…).');
        return;
      }
      const params = new URLSearchParams({ key, mode: this.dataset.mode === 'intake' ? 'intake' : 'search' });
      const accent = this.dataset.accent;
      if (accent && ACCENT.test(accent)) params.set('accent', accent);
      else if (accent) log('data-accent must be a hex colour such as #2a6f97.');
      if (this.dataset.exitUrl) params.set('exit', exitUrl(this.dataset.exitUrl)); // the frame's own fallback
      // data-lang, else the page's own language, else English.
      if (this.dataset.lang && !langOf(this.dataset.lang)) log('data-lang must be en or es; using the page language.');
      const tag = langOf(this.dataset.lang) ? this.dataset.lang : document.documentElement.lang;
      this.uiLang = langOf(tag) ?? 'en';
      params.set('lang', this.uiLang);
      // Where the page says its readers are (es-ES → ES): the intake starts there instead of asking.
      const region = regionOf(tag);
      if (region) params.set('region', region);

      const frame = document.createElement('iframe');
      frame.src = `${mendOrigin}/widget/frame?${params}`;
      frame.title = this.dataset.title || WORDS[this.uiLang].title;
      // The page's address is none of Mend's business: nothing about it leaves with the request.
      frame.referrerPolicy = 'no-referrer';
      // On a partner's page (another origin): scripts and same-origin (to call Mend's API), forms,
      // links opening in a new tab; the page itself may be navigated only on a click (Quick exit).
      // Not on Mend's own demo page, where a same-origin frame could lift its own sandbox anyway.
      if (window.location.origin !== mendOrigin) {
        frame.setAttribute(
          'sandbox',
          'allow-scripts allow-same-origin allow-forms allow-popups allow-popups-to-escape-sandbox allow-top-navigation-by-user-activation',
        );
      }
      // CSSOM, not a style attribute or <style>: works under a strict page CSP.
      Object.assign(frame.style, { display: 'block', width: '100%', minWidth: '0', height: '480px', border: '0', colorScheme: 'normal' });
      const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' }); // the page's CSS cannot restyle the frame
      this.style.display = 'block';
      root.replaceChildren(frame);
      this.frame = frame;

      window.addEventListener('message', this.onMessage);
      frame.addEventListener('load', () => {
        // Introduce ourselves to Mend's origin only; the frame checks this page's origin itself.
        frame.contentWindow?.postMessage({ protocol: PROTOCOL, type: 'init' }, mendOrigin);
        window.clearTimeout(this.timer);
        this.timer = window.setTimeout(() => this.refused(), HANDSHAKE_GRACE_MS);
      });
    }

    disconnectedCallback(): void {
      window.removeEventListener('message', this.onMessage);
      window.clearTimeout(this.timer);
    }

    private receive(event: MessageEvent): void {
      // Only our own frame, served from Mend's origin, speaking our protocol.
      if (event.origin !== mendOrigin || !this.frame || event.source !== this.frame.contentWindow) return;
      const data = event.data as FrameMessage | null;
      if (!data || data.protocol !== PROTOCOL) return;
      if (data.type === 'ready') {
        this.started = true;
        window.clearTimeout(this.timer);
      } else if (data.type === 'resize' && typeof data.height === 'number' && Number.isFinite(data.height)) {
        this.frame.style.height = `${Math.min(Math.max(Math.ceil(data.height), 160), 20000)}px`;
      } else if (data.type === 'exit') {
        // replace(): the page the couple was on does not stay in the tab's history.
        window.location.replace(exitUrl(this.dataset.exitUrl ?? null));
      }
    }

    private refused(): void {
      if (this.started || !this.frame) return;
      this.frame.style.display = 'none';
      const note = document.createElement('p');
      note.textContent = WORDS[this.uiLang].refused;
      note.lang = this.uiLang;
      this.shadowRoot?.append(note);
      log(
        `the frame did not start on ${window.location.origin}. This page's origin must be one of the allowedOrigins ` +
          "of the partner that owns the key (Mend's frame-ancestors policy refuses to be framed elsewhere), and the key " +
          'must be a valid, unrevoked publishable key. See the browser\'s "Refused to frame" message for details.',
      );
    }
  }

  customElements.define(TAG, MendFinder);
})();
