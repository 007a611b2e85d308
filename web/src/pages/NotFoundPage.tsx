import { Link } from 'react-router';
import { useDocumentTitle } from '../lib/brand';
import { FinchHeader, Footer, Main } from '../components/Layout';
import { Notice } from '../components/Status';

export function NotFoundPage() {
  useDocumentTitle('Page not found');
  return (
    <>
      <FinchHeader />
      <Main>
        <Notice level={1} title="Page not found" action={<Link className="button" to="/">Go to the home page</Link>}>
          <p>There is nothing at this address.</p>
        </Notice>
      </Main>
      <Footer />
    </>
  );
}
