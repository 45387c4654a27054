import { api, setCsrf, type Me } from '../api.ts';
import { h } from '../dom.ts';
import { t } from '../i18n.ts';
import { alertBox, errorMessage, startView } from '../ui.ts';

/** The log-in form; calls onLoggedIn with the session. */
export function renderLogin(onLoggedIn: (me: Me) => void): void {
  const heading = startView(t('login.title'));
  const region = heading.parentElement as HTMLElement;
  const message = h('div', { id: 'login-message' });
  const email = h('input', { id: 'login-email', name: 'email', type: 'email', autocomplete: 'username', required: true, 'aria-describedby': 'login-message' });
  const password = h('input', { id: 'login-password', name: 'password', type: 'password', autocomplete: 'current-password', required: true });
  const submit = h('button', { type: 'submit', class: 'primary' }, t('login.submit'));
  const form = h('form', { class: 'login-form', novalidate: true },
    h('p', {}, t('login.intro')),
    h('div', { class: 'field' }, h('label', { for: 'login-email' }, t('login.email')), email),
    h('div', { class: 'field' }, h('label', { for: 'login-password' }, t('login.password')), password),
    message,
    submit,
  );
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    message.replaceChildren();
    if (!email.value || !password.value) {
      message.appendChild(alertBox(t('login.missing')));
      (email.value ? password : email).focus();
      return;
    }
    submit.disabled = true;
    api<{ mediator: Me['mediator']; csrfToken: string }>('POST', '/api/auth/login', { email: email.value, password: password.value })
      .then((session) => {
        setCsrf(session.csrfToken);
        onLoggedIn({ mediator: session.mediator, csrfToken: session.csrfToken });
      })
      .catch((error: unknown) => {
        message.appendChild(alertBox(errorMessage(error)));
        password.value = '';
        password.focus();
      })
      .finally(() => (submit.disabled = false));
  });
  region.appendChild(form);
}
