import { Content, Header, Page } from '@backstage/core-components';
import { CoverageView } from './CoverageView';

/** The coverage page inside the new frontend system's page layout. */
export function CoveragePageContent() {
  return (
    <Content>
      <CoverageView />
    </Content>
  );
}

/** The coverage page for the legacy frontend system, with its own header. */
export function LegacyStorageCoveragePage() {
  return (
    <Page themeId="tool">
      <Header
        title="Storage coverage"
        subtitle="Backup coverage of every volume in every cluster, gaps first"
      />
      <Content>
        <CoverageView />
      </Content>
    </Page>
  );
}
