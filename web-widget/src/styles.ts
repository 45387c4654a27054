/** The widget's only stylesheet, adopted into the shadow root (no inline <style>, CSP-safe). */
export const css = `
:host { all: initial; }
* { box-sizing: border-box; font-family: system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.launcher { position: fixed; right: 20px; bottom: 20px; z-index: 2147483000; background: #00607a; color: #fff; border: 0; border-radius: 999px; padding: 14px 20px; font-size: 16px; cursor: pointer; box-shadow: 0 4px 14px rgba(0,0,0,.25); }
.launcher:focus-visible, button:focus-visible, input:focus-visible { outline: 3px solid #ffbf47; outline-offset: 2px; }
.dialog { position: fixed; right: 20px; bottom: 84px; z-index: 2147483001; width: min(380px, calc(100vw - 24px)); height: min(600px, calc(100dvh - 110px)); display: flex; flex-direction: column; background: #fff; color: #1a1a1a; border-radius: 12px; box-shadow: 0 8px 30px rgba(0,0,0,.3); overflow: hidden; font-size: 16px; }
.dialog[hidden] { display: none; }
.header { background: #00607a; color: #fff; padding: 12px 48px 12px 16px; position: relative; }
.header h2 { margin: 0; font-size: 18px; }
.subtitle { margin: 2px 0 0; font-size: 14px; }
.close { position: absolute; right: 8px; top: 8px; background: transparent; color: #fff; border: 0; font-size: 26px; width: 40px; height: 40px; cursor: pointer; }
.log { flex: 1; overflow-y: auto; padding: 12px; display: flex; flex-direction: column; gap: 8px; }
.msg { max-width: 85%; padding: 8px 12px; border-radius: 12px; line-height: 1.4; white-space: pre-wrap; overflow-wrap: anywhere; }
.msg.bot { background: #eef3f5; align-self: flex-start; }
.msg.user { background: #00607a; color: #fff; align-self: flex-end; }
.actions { display: flex; flex-wrap: wrap; gap: 6px; padding: 0 12px; }
.choice { border: 2px solid #00607a; background: #fff; color: #00607a; border-radius: 999px; padding: 8px 14px; font-size: 16px; cursor: pointer; }
.status { margin: 0; padding: 0 12px; font-size: 14px; color: #8a1c1c; min-height: 0; }
.composer { display: flex; gap: 8px; padding: 12px; border-top: 1px solid #d0d7db; }
.composer input { flex: 1; font-size: 16px; padding: 10px; border: 1px solid #6b7780; border-radius: 8px; min-width: 0; }
.send { background: #00607a; color: #fff; border: 0; border-radius: 8px; padding: 10px 14px; font-size: 16px; cursor: pointer; }
@media (max-width: 480px) { .dialog { right: 0; bottom: 0; width: 100vw; height: 100dvh; border-radius: 0; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
`;
