import type { Principal } from '../domain/api-key.js';
import type { BeneficiaryCheckLogEntry, BeneficiaryCheckLogQuery } from '../domain/beneficiary-check.js';
import { ForbiddenError } from '../errors/app-errors.js';
import type { Page } from '../store/pagination.js';
import type { Stores } from '../store/stores.js';

/** The record of "served before?" calls, for admins: who asked, when, how many, how many matched. */
export async function listBeneficiaryChecks(
  input: BeneficiaryCheckLogQuery,
  viewer: Principal,
  deps: { stores: Pick<Stores, 'beneficiaryChecks'> },
): Promise<Page<BeneficiaryCheckLogEntry>> {
  if (viewer.role !== 'admin') throw new ForbiddenError('Only admins read the record of beneficiary checks.');
  return deps.stores.beneficiaryChecks.list(input.limit, input.cursor, input.orgId);
}
