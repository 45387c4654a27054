/**
 * The widget's stylesheet, adopted into the shadow root as a constructable stylesheet: no <style>
 * element and no style attribute, so the host page needs no style-src for it. Sizes are in px,
 * not rem: the host page's root font size must not resize the widget (browser zoom still does).
 * `:host { all: initial !important }` wins over any !important rule of the page on the host
 * element (for !important, the shadow tree's declaration beats the outer one), so nothing the page
 * declares is inherited inside.
 */
export const css = `
:host{all:initial!important}
.ww,.ww *{box-sizing:border-box;font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Helvetica Neue",Arial,sans-serif;line-height:1.45;letter-spacing:normal;text-transform:none}
.ww{color:#1a1a1a;font-size:16px}
.vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
[hidden]{display:none!important}
button{font:inherit;font-size:16px;cursor:pointer;margin:0}
button:disabled{cursor:default}
svg{display:block;fill:none;stroke:currentColor;stroke-width:2;stroke-linecap:round;stroke-linejoin:round}
:focus-visible{outline:3px solid #fff;outline-offset:0;box-shadow:0 0 0 6px #1a1a1a}
.launcher{position:fixed;bottom:20px;right:20px;z-index:2147483000;display:flex;align-items:center;gap:8px;max-width:calc(100vw - 40px);min-height:48px;background:var(--p);color:#fff;border:2px solid #fff;border-radius:28px;padding:10px 18px 10px 14px;font-weight:600;text-align:left;box-shadow:0 4px 14px rgba(0,0,0,.3)}
.left .launcher,.left .dialog{right:auto;left:20px}
.launcher svg{flex:none;width:24px;height:24px}
.short{display:none}
.badge{min-width:24px;height:24px;padding:0 6px;border-radius:12px;background:#fff;color:#1a1a1a;font-size:14px;font-weight:700;display:grid;place-items:center}
.dialog{position:fixed;right:20px;bottom:88px;z-index:2147483001;width:380px;height:640px;max-height:calc(100vh - 108px);max-height:calc(100dvh - 108px);display:flex;flex-direction:column;background:#fff;border-radius:12px;box-shadow:0 8px 30px rgba(0,0,0,.35);overflow:hidden}
.header{display:flex;align-items:flex-start;gap:4px;background:var(--p);color:#fff;padding:10px 6px 10px 16px;flex:none}
.heading{flex:1;min-width:0}
.heading h2{margin:0;font-size:18px;font-weight:700;line-height:1.3;overflow-wrap:anywhere}
.heading p{margin:2px 0 0;font-size:14px}
.icon{flex:none;display:grid;place-items:center;width:44px;height:44px;background:transparent;color:#fff;border:0;border-radius:8px;padding:0}
.icon svg{width:22px;height:22px}
.icon:hover{background:rgba(0,0,0,.2)}
.log{flex:1;overflow-y:auto;overscroll-behavior:contain;padding:12px;display:flex;flex-direction:column;gap:8px}
.history,.live{display:flex;flex-direction:column;gap:8px}
.history:empty{display:none}
.msg{max-width:88%;padding:8px 12px;border-radius:14px;overflow-wrap:anywhere}
.msg p{margin:0}
.msg p+p,.msg p+ul,.msg p+ol,.msg ul+p,.msg ol+p{margin-top:8px}
.msg ul,.msg ol{margin:4px 0 0;padding-left:22px}
.msg a{color:inherit;text-decoration:underline;text-underline-offset:2px}
.bot{align-self:flex-start;background:#eef2f4;border-bottom-left-radius:4px}
.user{align-self:flex-end;background:var(--p);color:#fff;border-bottom-right-radius:4px;white-space:pre-wrap}
.user.pending{opacity:.75}
.notice{align-self:stretch;margin:4px 0;padding:8px 12px;border-left:4px solid #8a5300;background:#fff6e5;font-size:15px}
.choices{align-self:flex-start;display:flex;flex-wrap:wrap;gap:8px;max-width:100%}
.choice{min-height:44px;border:2px solid var(--p);background:#fff;color:var(--p);border-radius:22px;padding:8px 16px;font-weight:600;text-align:left;overflow-wrap:anywhere}
.choice:hover:enabled{background:#eef2f4}
.choice:disabled{border-color:#b8c0c5;color:#545d63;background:#f4f6f7}
.choice.chosen{border-color:var(--p);background:var(--p);color:#fff}
.typing{flex:none;display:flex;align-items:center;gap:8px;padding:0 16px 6px;color:#545d63;font-size:14px}
.dots{display:flex;gap:4px}
.dots i{width:7px;height:7px;border-radius:50%;background:#6b767d;animation:ww-b 1.2s infinite ease-in-out}
.dots i:nth-child(2){animation-delay:.15s}
.dots i:nth-child(3){animation-delay:.3s}
@keyframes ww-b{0%,80%,100%{opacity:.3;transform:translateY(0)}40%{opacity:1;transform:translateY(-3px)}}
.ref{flex:none;display:flex;align-items:center;flex-wrap:wrap;gap:4px 12px;margin:0 12px 8px;padding:10px 12px;border:2px solid var(--p);border-radius:10px;background:#fff}
.ref-text{flex:1;min-width:0}
.ref-label{margin:0;font-size:14px}
.ref-value{margin:0;font-size:20px;font-weight:700;letter-spacing:.02em;overflow-wrap:anywhere;user-select:all}
.ref-hint{margin:0;font-size:14px;color:#454e54}
.copy{min-height:44px;border:2px solid var(--p);background:var(--p);color:#fff;border-radius:8px;padding:8px 14px;font-weight:600}
.status{flex:none;margin:0;padding:0 12px;font-size:14px;color:#8a1c1c}
.status:empty{display:none}
.status.ok{color:#1d5e2f}
.status.info{color:#454e54}
.confirm{flex:none;margin:0 12px 8px;padding:10px 12px;border:2px solid #8a5300;border-radius:10px;background:#fff6e5}
.confirm p{margin:0 0 8px}
.confirm div{display:flex;flex-wrap:wrap;gap:8px}
.confirm button{min-height:44px;border-radius:8px;padding:8px 14px;border:2px solid var(--p);background:#fff;color:var(--p);font-weight:600}
.confirm button:first-child{background:var(--p);color:#fff}
.composer{flex:none;padding:8px 12px 12px;border-top:1px solid #d5dbdf}
.composer label{display:block;margin:0 0 4px;font-size:14px;font-weight:600}
.row{display:flex;gap:8px}
.row input{flex:1;min-width:0;min-height:48px;font:inherit;font-size:16px;color:#1a1a1a;background:#fff;padding:10px 12px;border:2px solid #5f6b73;border-radius:8px;margin:0}
.row input::placeholder{color:#5f6b73;opacity:1}
.send{flex:none;min-height:48px;background:var(--p);color:#fff;border:0;border-radius:8px;padding:10px 14px;font-weight:600}
@media (max-width:480px),(max-height:560px){
.dialog{inset:0;width:auto;height:100vh;height:100dvh;max-height:none;border-radius:0}
.left .dialog{left:0}
.launcher{bottom:12px;right:12px;max-width:calc(100vw - 24px)}
.long{display:none}.short{display:inline}
.left .launcher{left:12px}
}
@media (max-height:320px){
.header{align-items:center;padding:0 4px 0 12px}
.heading h2{font-size:16px;white-space:nowrap;overflow:hidden;text-overflow:ellipsis}
.heading p,.ref-hint,.typing span:last-child{display:none}
.icon{width:32px;height:32px}
.log{padding:6px 12px}
.typing{padding:0 12px 2px}
.status{font-size:13px;line-height:1.25}
.composer{padding:2px 8px 4px;border-top:0}
.composer label{margin:0;font-size:13px;line-height:1.25}
.row input,.send{min-height:36px;padding:4px 10px}
.ref{margin:0 8px 4px;padding:4px 8px}
.ref-value{font-size:16px}
}
@media (prefers-reduced-motion:reduce){.ww *{animation:none!important;transition:none!important;scroll-behavior:auto!important}}
@media (forced-colors:active){.launcher,.dialog,.msg,.choice,.ref,.send,.copy{border:2px solid CanvasText}}
`;

/** The tenant's colour as a custom property, in its own constructable stylesheet. */
export const themeCss = (primary: string) => `.ww{--p:${primary}}`;
