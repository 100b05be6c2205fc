import { MEDIATOR_NOTES_DEFAULTS, RECORDS, PRIVATE_NOTES_DEFAULTS, setRecordField } from '@parley/shared';
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { testDocs, testSession } from '../components/room/testing';
import type { Session } from '../lib/session';
import { ReportScreen } from './ReportPage';

afterEach(cleanup);

const offline = { socket: null, status: 'offline' as const, you: null, members: [] };

function renderReport(session: Session) {
  const docs = testDocs(session);
  if (docs.private) {
    setRecordField(docs.private.doc, 'notes', RECORDS.private.notes, PRIVATE_NOTES_DEFAULTS, 'walkAway', 'Elm Street');
  }
  if (docs.mediator) {
    setRecordField(
      docs.mediator.doc,
      'notes',
      RECORDS.mediator.notes,
      MEDIATOR_NOTES_DEFAULTS,
      'notes',
      'Tom is tense',
    );
  }
  render(<ReportScreen session={session} docs={docs} control={offline} />);
  return docs;
}

const CHOICE = /Include our private notes/;

describe('session report page', () => {
  it('offers a side member their own private notes, only in their copy and only when asked', () => {
    renderReport(testSession('side', 'a'));
    expect(screen.getByRole('heading', { level: 1, name: 'Lease renewal' })).toBeTruthy();
    expect(screen.queryByText('Elm Street')).toBeNull();

    fireEvent.click(screen.getByRole('checkbox', { name: CHOICE }));
    expect(screen.getByRole('heading', { name: 'Tenant’s private notes' })).toBeTruthy();
    expect(screen.getByText('Elm Street')).toBeTruthy();
  });

  it('offers the mediator their own notes, only in their copy and only when asked', () => {
    renderReport(testSession('mediator'));
    expect(screen.queryByText('Tom is tense')).toBeNull();
    fireEvent.click(screen.getByRole('checkbox', { name: /Include my notes/ }));
    expect(screen.getByRole('heading', { name: 'Mediator’s notes' })).toBeTruthy();
    expect(screen.getByText('Tom is tense')).toBeTruthy();
  });

  it('never offers a side’s private notes to the mediator or an observer', () => {
    for (const session of [testSession('mediator'), testSession('observer'), testSession('side', 'a', false)]) {
      renderReport(session);
      const offered = screen.queryByRole('checkbox', { name: CHOICE }) !== null;
      expect(offered).toBe(session.role === 'side');
      if (session.role !== 'side') expect(screen.queryByText(/private notes/i, { selector: 'h2' })).toBeNull();
      cleanup();
    }
  });

  it('offers the three exports', () => {
    renderReport(testSession('mediator'));
    for (const name of ['Download Markdown', 'Download calendar (.ics)', 'Print or save as PDF']) {
      expect(screen.getByRole('button', { name })).toBeTruthy();
    }
  });
});
