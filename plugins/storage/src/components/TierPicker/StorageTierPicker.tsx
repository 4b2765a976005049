import { useApi } from '@backstage/core-plugin-api';
import type { FieldExtensionComponentProps } from '@backstage/plugin-scaffolder-react';
import FormControl from '@material-ui/core/FormControl';
import FormControlLabel from '@material-ui/core/FormControlLabel';
import FormHelperText from '@material-ui/core/FormHelperText';
import FormLabel from '@material-ui/core/FormLabel';
import Radio from '@material-ui/core/Radio';
import RadioGroup from '@material-ui/core/RadioGroup';
import Typography from '@material-ui/core/Typography';
import { makeStyles } from '@material-ui/core/styles';
import WarningIcon from '@material-ui/icons/Warning';
import useAsync from 'react-use/esm/useAsync';
import type { Tier } from '@gitops-storage/plugin-storage-common';
import { storageApiRef } from '../../api';
import { describeError } from '../../lib/errors';
import { formatDuration } from '../../lib/format';
import { LoadingState } from '../common/LoadingState';
import {
  accessModesOf,
  DEFAULT_ACCESS_MODE_FIELD,
  readField,
  tierServes,
  type TierPickerUiOptions,
} from './validation';

const useStyles = makeStyles(theme => ({
  option: { marginBottom: theme.spacing(1) },
  details: {
    marginLeft: theme.spacing(4),
    color: theme.palette.text.secondary,
  },
  warning: {
    display: 'flex',
    alignItems: 'center',
    gap: theme.spacing(0.5),
    color: theme.palette.warning.dark,
  },
}));

function TierDetails(props: {
  id: string;
  tier: Tier;
  accessModes: readonly string[];
}) {
  const classes = useStyles();
  const { tier, accessModes } = props;
  const unserved = accessModes.filter(mode => !tierServes(tier, mode));
  return (
    <div id={props.id} className={classes.details}>
      {tier.description && (
        <Typography variant="body2">{tier.description}</Typography>
      )}
      <Typography variant="body2">
        {/* A target, not a promise: whether a volume is backed up depends on
            its schedule and volume type (the coverage page checks). */}
        {tier.title && <>Tier {tier.name} · </>}RPO{' '}
        {formatDuration(tier.rpoSeconds)} (no backup older than that once
        covered) · Access modes:{' '}
        {tier.accessModes?.length ? tier.accessModes.join(', ') : 'any'}
      </Typography>
      {unserved.length > 0 && (
        <Typography variant="body2" className={classes.warning}>
          <WarningIcon fontSize="small" aria-hidden="true" />
          Cannot serve {unserved.join(', ')}
        </Typography>
      )}
    </div>
  );
}

/**
 * Scaffolder field `StorageTierPicker`: choose a storage tier, seeing what
 * each tier is for, its RPO and the access modes it can serve.
 */
export function StorageTierPicker(
  props: FieldExtensionComponentProps<string, TierPickerUiOptions>,
) {
  const {
    formData,
    onChange,
    required,
    rawErrors,
    schema,
    uiSchema,
    formContext,
    idSchema,
    disabled,
    readonly,
  } = props;
  const classes = useStyles();
  const api = useApi(storageApiRef);
  const tiers = useAsync(() => api.getTiers(), [api]);
  const accessModeField =
    uiSchema?.['ui:options']?.accessModeField ?? DEFAULT_ACCESS_MODE_FIELD;
  const accessModes = accessModesOf(
    readField(formContext?.formData, accessModeField),
  );
  const id = idSchema?.$id ?? 'storage-tier';
  const label = schema.title ?? 'Storage tier';
  const list = tiers.value?.tiers ?? [];
  const unknownValue =
    formData && tiers.value && !list.some(t => t.name === formData);

  return (
    <FormControl
      component="fieldset"
      required={required}
      error={Boolean(rawErrors?.length)}
      disabled={disabled || readonly}
      margin="normal"
      fullWidth
    >
      <FormLabel component="legend">{label}</FormLabel>
      {schema.description && (
        <FormHelperText>{schema.description}</FormHelperText>
      )}
      {tiers.loading && <LoadingState label="Loading storage tiers…" />}
      {tiers.error && (
        <Typography color="error" role="alert">
          Could not load the storage tiers: {describeError(tiers.error)}
        </Typography>
      )}
      {tiers.value && list.length === 0 && (
        <Typography role="alert">
          No storage tiers are configured. Ask the platform team to set
          storage.tiers in the app config.
        </Typography>
      )}
      {list.length > 0 && (
        <RadioGroup
          name={id}
          aria-label={label}
          value={formData ?? ''}
          onChange={event => onChange(event.target.value)}
        >
          {list.map(tier => {
            const detailsId = `${id}-${tier.name}-details`;
            return (
              <div key={tier.name} className={classes.option}>
                <FormControlLabel
                  value={tier.name}
                  control={
                    <Radio inputProps={{ 'aria-describedby': detailsId }} />
                  }
                  // The title alone: titles carry their own parentheses
                  // ("Node-local scratch (local-path)"); the tier's name,
                  // which the coverage page shows, is in the details.
                  label={tier.title ?? tier.name}
                />
                <TierDetails
                  id={detailsId}
                  tier={tier}
                  accessModes={accessModes}
                />
              </div>
            );
          })}
        </RadioGroup>
      )}
      {unknownValue && (
        <FormHelperText error>
          The tier "{formData}" is not configured; choose one of the tiers
          above.
        </FormHelperText>
      )}
      {rawErrors?.map(error => (
        <FormHelperText error key={error}>
          {error}
        </FormHelperText>
      ))}
    </FormControl>
  );
}
