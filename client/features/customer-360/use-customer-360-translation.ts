import { useTranslation } from 'react-i18next';

/** The i18next namespace of this feature (its manifest registers it, which types the keys). */
export const CUSTOMER_360_NS = 'customer360';

export const useCustomer360Translation = () => useTranslation(CUSTOMER_360_NS);
