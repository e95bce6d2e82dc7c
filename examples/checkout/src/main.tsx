import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import 'stepup-kit/styles.css';
import './checkout.css';
import { CheckoutPage } from './checkout-page';

// StrictMode on purpose: it runs every effect twice in development, and nothing here may call Visa twice
createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <CheckoutPage />
  </StrictMode>,
);
