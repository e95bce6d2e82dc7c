// The return page of the bank's website (APP_TO_APP, web variant): the bank sends the shopper back here with
// its answer in the query. completeIssuerReturn() hands it to the checkout page that opened the bank's window
// (on a BroadcastChannel of this origin, and to window.opener), strips it from the address bar, and closes
// this window. The checkout then has the code checked by the server (POST /api/step-up/issuer-code).
import { completeIssuerReturn } from 'stepup-kit/out-of-band';

const handed = completeIssuerReturn();
const status = document.getElementById('issuer-return-status');
if (status) {
  // seen only if the window stays open: the browser kept it, or it was not opened by the checkout
  status.textContent = handed
    ? 'Your bank’s answer has gone back to the checkout. You can close this window.'
    : 'We could not pass your bank’s answer back to the checkout. Close this window, go back to the checkout and choose “I’ve finished on my bank’s page”.';
}
