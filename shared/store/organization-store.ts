import { type Organization, organizationSchema } from '../domain/organization.js';
import { organizationKey, organizationListKey } from './keys.js';
import type { Page } from './pagination.js';
import { RecordCollection } from './record-collection.js';
import type { TableContext } from './table-context.js';

export class OrganizationStore {
  private readonly records: RecordCollection<Organization>;

  constructor(table: TableContext) {
    this.records = new RecordCollection(table, {
      label: 'Organization',
      schema: organizationSchema,
      key: organizationKey,
      listPartition: organizationListKey,
      listSort: (org) => org.id,
      id: (org) => org.id,
    });
  }

  create(org: Organization): Promise<void> {
    return this.records.create(org);
  }

  get(orgId: string): Promise<Organization | undefined> {
    return this.records.get(orgId);
  }

  list(limit: number, cursor?: string): Promise<Page<Organization>> {
    return this.records.list(organizationListKey(), limit, cursor);
  }
}
