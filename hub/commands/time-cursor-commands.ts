// The wall's time cursor is a host's own state (it works offline); the hub records who moved it, and when, in the
// audit trail. The command changes nothing in the log: its journal record and audit row are the point.
import { formatDateTime } from '../../src/i18n/format.js';
import { applied, type CommandHandlers } from './execution.js';

export const TIME_CURSOR_HANDLERS = {
  'wall.timeCursor': (args, ctx) => {
    const at = args.asOf === null ? 'trực tiếp' : formatDateTime(args.asOf);
    const replay = args.replaySpeed === null ? '' : ` (phát lại ×${args.replaySpeed})`;
    return applied(ctx, `tường hiển thị số liệu: ${at}${replay}`, []);
  },
} satisfies Partial<CommandHandlers>;
