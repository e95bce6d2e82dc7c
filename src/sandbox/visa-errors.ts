/** Visa-shaped error bodies (`{ errors: [{ type, message, details }] }`), as the TMS API answers them. */
export interface VisaErrorBody {
  errors: Array<{ type: string; message: string; reason?: string; details?: Array<{ name: string; location: string }> }>;
}

export function visaError(type: string, message: string, reason?: string, field?: string): VisaErrorBody {
  return {
    errors: [
      {
        type,
        message,
        ...(reason ? { reason } : {}),
        ...(field ? { details: [{ name: field, location: 'body' }] } : {}),
      },
    ],
  };
}
