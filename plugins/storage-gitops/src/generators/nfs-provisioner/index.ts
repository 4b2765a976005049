import type { GitopsGenerator } from '../../types';
import { generateNfsProvisioner } from './generate';
import { nfsProvisionerInputSchema, type NfsProvisionerInput } from './input';

export type { NfsProvisionerInput } from './input';

/** `nfs-provisioner`: nfs-subdir-external-provisioner with StorageClass storage-nfs (RWX). @public */
export const nfsProvisionerGenerator: GitopsGenerator<NfsProvisionerInput> = {
  id: 'nfs-provisioner',
  title: 'NFS provisioner',
  description:
    'Adds nfs-subdir-external-provisioner (pinned chart) under apps/storage with a prod overlay for the NFS export, the RWX StorageClass storage-nfs and its Argo CD Application.',
  inputSchema: nfsProvisionerInputSchema,
  generate: generateNfsProvisioner,
};
