// All profiles by id.
import type { Profile } from '../types';
import { ak } from './ak';
import { ca } from './ca';
import { cf } from './cf';
import { combined } from './combined';
import { wy } from './wy';
import { xn } from './xn';

export const PROFILES: readonly Profile[] = [ak, cf, wy, xn, ca, combined];

export function getProfile(id: string): Profile | undefined {
  return PROFILES.find((p) => p.id === id);
}

export { ak, ca, cf, combined, wy, xn };
