import type { AgendaTopic } from '@parley/shared';
import { canFacilitate, newId } from '@parley/shared';
import { useCollection } from '../../hooks/useCollection';
import { useEditing } from '../../hooks/useEditing';
import { useRoom } from '../../hooks/useRoom';
import { principalOf } from '../../lib/session';
import { AddItem } from '../ui/AddItem';
import { itemPropsOf } from '../ui/EditableItem';
import { InvalidItem } from '../ui/InvalidItem';
import { closeWhenSaved } from '../ui/ItemForm';
import { ItemList, Section } from '../ui/Section';
import { AgendaItem } from './AgendaItem';
import { AgendaTopicForm } from './AgendaTopicForm';

function byOrder(x: AgendaTopic, y: AgendaTopic): number {
  return x.order - y.order || x.createdAt - y.createdAt || (x.id < y.id ? -1 : 1);
}

export function AgendaSection() {
  const { session, docs } = useRoom();
  const agenda = useCollection(docs.joint, 'agenda');
  const editing = useEditing(docs.joint, 'agenda');
  const itemProps = itemPropsOf(agenda, editing, session.memberId);
  const topics = agenda.items.flatMap((i) => (i.ok ? [i.value] : [])).sort(byOrder);
  const invalid = agenda.items.filter((i) => !i.ok);
  // Whoever runs the facilitation runs the agenda: a mediator, or both sides without one.
  // Sides of a mediated room propose topics; the mediator words, orders, settles and
  // removes them. The joint document stays writable by the sides (its permission is the
  // document's), so this is the room's convention, and the timeline names anyone who
  // changes a topic.
  const runsAgenda = agenda.writable && canFacilitate(principalOf(session), session.room);

  // Moving renumbers the whole agenda, so ties left by concurrent additions sort themselves out too.
  const move = (from: number, to: number) => {
    const next = [...topics];
    const [topic] = next.splice(from, 1);
    if (!topic) return;
    next.splice(to, 0, topic);
    next.forEach((t, order) => {
      if (t.order !== order) agenda.update(t.id, { order });
    });
  };

  return (
    <Section
      title="Agenda"
      count={topics.length}
      description={
        runsAgenda || !agenda.writable
          ? 'The topics to work through, and where each stands.'
          : 'The topics to work through, and where each stands. The mediator runs the agenda; propose a topic below.'
      }
    >
      <ItemList
        empty={
          !agenda.writable
            ? 'No topics yet.'
            : `No topics yet. ${runsAgenda ? 'Add' : 'Propose'} the first thing to talk about.`
        }
      >
        {[
          ...topics.map((topic, index) => (
            <AgendaItem
              key={topic.id}
              topic={topic}
              position={index + 1}
              writable={runsAgenda}
              {...itemProps(topic.id)}
              onMoveUp={index > 0 ? () => move(index, index - 1) : undefined}
              onMoveDown={index < topics.length - 1 ? () => move(index, index + 1) : undefined}
            />
          )),
          ...invalid.map((item) => (
            <InvalidItem
              key={item.id}
              noun="agenda topic"
              error={item.ok ? '' : item.error}
              onRemove={runsAgenda ? () => agenda.remove(item.id) : undefined}
            />
          )),
        ]}
      </ItemList>
      {agenda.writable && (
        <AddItem label={runsAgenda ? 'Add a topic' : 'Propose a topic'}>
          {(close) => (
            <AgendaTopicForm
              initial={{ title: '', status: 'open' }}
              label="New agenda topic"
              submitLabel={runsAgenda ? 'Add topic' : 'Propose topic'}
              onCancel={close}
              onSave={closeWhenSaved((values) => {
                const order = topics.reduce((max, t) => Math.max(max, t.order + 1), 0);
                return agenda.add({ id: newId(), ...values, order, createdAt: Date.now() });
              }, close)}
            />
          )}
        </AddItem>
      )}
    </Section>
  );
}
