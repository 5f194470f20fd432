import { createContext, useContext } from 'react';
import type { ConsoleConfig } from './config';

export const ConfigContext = createContext<ConsoleConfig | null>(null);

/** The runtime configuration (loaded before the app renders). */
export function useConfig(): ConsoleConfig {
  const config = useContext(ConfigContext);
  if (!config) throw new Error('useConfig() outside <ConfigContext.Provider>');
  return config;
}
