import { useEffect, useState } from 'react';
import useDebounce from 'react-use/esm/useDebounce';
import Button from '@material-ui/core/Button';
import Grid from '@material-ui/core/Grid';
import MenuItem from '@material-ui/core/MenuItem';
import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  VERDICTS_WORST_FIRST,
  type Verdict,
} from '@gitops-storage/plugin-storage-common';
import { GROUP_BY_OPTIONS, type GroupBy } from '../../lib/grouping';
import {
  hasFilters,
  type CoverageFilters as Filters,
} from '../../lib/coverageViewState';
import { VERDICT_LABEL } from '../../lib/text';
import { RestoreFilter } from './RestoreFilter';

type ListFilter = 'tier' | 'cluster' | 'owner';

function MultiSelect<T extends string>(props: {
  id: string;
  label: string;
  options: readonly T[];
  value: readonly T[];
  onChange: (value: T[]) => void;
  getLabel?: (option: T) => string;
  freeSolo?: boolean;
}) {
  return (
    <Autocomplete<T, true, false, boolean>
      id={props.id}
      multiple
      size="small"
      freeSolo={props.freeSolo}
      options={[...props.options]}
      value={[...props.value]}
      getOptionLabel={option => props.getLabel?.(option) ?? option}
      filterSelectedOptions
      onChange={(_, value) => props.onChange(value as T[])}
      renderInput={params => (
        <TextField {...params} variant="outlined" label={props.label} />
      )}
    />
  );
}

/** Filters and search of the coverage report. */
export function CoverageFilters(props: {
  filters: Filters;
  options: { tiers: string[]; clusters: string[]; owners: string[] };
  onFiltersChange: (filters: Filters) => void;
}) {
  const { filters, onFiltersChange } = props;
  const [search, setSearch] = useState(filters.search ?? '');

  // Follow the URL when it changes elsewhere (back button, "clear").
  useEffect(() => setSearch(filters.search ?? ''), [filters.search]);

  useDebounce(
    () => {
      const next = search.trim();
      if (next !== (filters.search ?? '')) {
        onFiltersChange({ ...filters, search: next || undefined });
      }
    },
    400,
    [search],
  );

  const setList = (name: ListFilter) => (value: string[]) =>
    onFiltersChange({ ...filters, [name]: value.length ? value : undefined });

  return (
    <Grid container spacing={2} alignItems="center" role="search">
      <Grid item xs={12} md={4}>
        <TextField
          id="storage-coverage-search"
          label="Search"
          placeholder="Name, namespace, owner or reason"
          variant="outlined"
          size="small"
          fullWidth
          value={search}
          onChange={e => setSearch(e.target.value)}
          inputProps={{ type: 'search' }}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <MultiSelect<Verdict>
          id="storage-coverage-verdict"
          label="Verdict"
          options={VERDICTS_WORST_FIRST}
          value={filters.verdict ?? []}
          getLabel={v => VERDICT_LABEL[v] ?? v}
          onChange={value =>
            onFiltersChange({
              ...filters,
              verdict: value.length ? value : undefined,
            })
          }
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <MultiSelect
          id="storage-coverage-tier"
          label="Tier"
          options={props.options.tiers}
          value={filters.tier ?? []}
          onChange={setList('tier')}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <MultiSelect
          id="storage-coverage-cluster"
          label="Cluster"
          options={props.options.clusters}
          value={filters.cluster ?? []}
          onChange={setList('cluster')}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <MultiSelect
          id="storage-coverage-owner"
          label="Owner"
          freeSolo
          options={props.options.owners}
          value={filters.owner ?? []}
          onChange={setList('owner')}
        />
      </Grid>
      <Grid item xs={12} sm={6} md={2}>
        <RestoreFilter
          value={filters.restore ?? []}
          onChange={restore => onFiltersChange({ ...filters, restore })}
        />
      </Grid>
      {(hasFilters(filters) || filters.namespace) && (
        <Grid item xs={12}>
          {filters.namespace && (
            <span>Namespace: {filters.namespace.join(', ')} </span>
          )}
          <Button size="small" onClick={() => onFiltersChange({})}>
            Clear filters
          </Button>
        </Grid>
      )}
    </Grid>
  );
}

/** How the volumes table groups its rows. */
export function GroupBySelect(props: {
  value: GroupBy;
  onChange: (groupBy: GroupBy) => void;
}) {
  return (
    <TextField
      id="storage-coverage-group"
      select
      label="Group by"
      variant="outlined"
      size="small"
      style={{ minWidth: 140 }}
      value={props.value}
      onChange={e => props.onChange(e.target.value as GroupBy)}
    >
      {GROUP_BY_OPTIONS.map(option => (
        <MenuItem key={option} value={option}>
          {option}
        </MenuItem>
      ))}
    </TextField>
  );
}
