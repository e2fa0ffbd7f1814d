/** Registers the Timeline screen and the reader's "Timeline" section (a highlight's date) with the shell. */
import { registerReaderSection, registerView } from '../views';
import { ReaderTimelineSection } from './ReaderTimelineSection';
import { TimelineView } from './TimelineView';
import './timeline.css';

registerView({
  id: 'timeline',
  label: 'Timeline',
  icon: 'timeline',
  order: 25,
  render: (props) => <TimelineView {...props} />,
});

registerReaderSection({
  id: 'timeline',
  title: 'Timeline',
  order: 5,
  render: (props) => <ReaderTimelineSection {...props} />,
});
