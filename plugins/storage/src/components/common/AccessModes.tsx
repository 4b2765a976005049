import { ACCESS_MODE_ABBREVIATION } from '../../lib/text';

/** Access modes as their kubectl abbreviations, spelled out on hover. */
export function AccessModes(props: { modes: readonly string[] }) {
  if (props.modes.length === 0) return <>—</>;
  return (
    <>
      {props.modes.map((mode, index) => (
        <span key={mode}>
          {index > 0 && ', '}
          {ACCESS_MODE_ABBREVIATION[mode] ? (
            <abbr title={mode}>{ACCESS_MODE_ABBREVIATION[mode]}</abbr>
          ) : (
            mode
          )}
        </span>
      ))}
    </>
  );
}
