import { Content, Header, Page } from '@backstage/core-components';
import { CoverageView } from './CoverageView';

/**
 * The coverage page inside the new frontend system's page layout. That
 * layout draws the header but no `main` landmark (the legacy `Page` is one),
 * so the page's content is the main landmark here.
 */
export function CoveragePageContent() {
  return (
    <main>
      <Content>
        <CoverageView />
      </Content>
    </main>
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
