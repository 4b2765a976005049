import TextField from '@material-ui/core/TextField';
import Autocomplete from '@material-ui/lab/Autocomplete';
import {
  RESTORE_STATUSES,
  type RestoreStatus,
} from '@gitops-storage/plugin-storage-common';
import { RESTORE_STATUS_LABEL } from '../common/RestoreVerification';

type Option = RestoreStatus | 'none';
const OPTIONS: readonly Option[] = [...RESTORE_STATUSES, 'none'];

/** The coverage page's restore status filter (`?restore=`). */
export function RestoreFilter(props: {
  value: readonly Option[];
  onChange: (value: Option[] | undefined) => void;
}) {
  return (
    <Autocomplete<Option, true, false, false>
      id="storage-coverage-restore"
      multiple
      size="small"
      options={[...OPTIONS]}
      value={[...props.value]}
      getOptionLabel={option => RESTORE_STATUS_LABEL[option]}
      filterSelectedOptions
      onChange={(_, value) =>
        props.onChange(value.length ? (value as Option[]) : undefined)
      }
      renderInput={params => (
        <TextField {...params} variant="outlined" label="Restore test" />
      )}
    />
  );
}
