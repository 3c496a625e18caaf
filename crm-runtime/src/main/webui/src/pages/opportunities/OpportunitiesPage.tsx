import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import {
  DndContext, KeyboardSensor, PointerSensor, useDraggable, useDroppable, useSensor, useSensors, type DragEndEvent,
} from '@dnd-kit/core';
import { Box, Card, CardContent, CircularProgress, Paper, Stack, Typography } from '@mui/material';
import { allPages, api, ApiError } from '../../api/client';
import { STAGES, type Opportunity, type Stage } from '../../api/types';
import { useAuth } from '../../auth/auth';
import { useI18n } from '../../i18n';
import { useToasts } from '../../toasts';
import { formatTotals } from '../../format';

type Board = { items: Opportunity[]; complete: boolean };
const BOARD = ['opportunities', 'all'];

function OpportunityCard({ opportunity, canMove, onMove }: { opportunity: Opportunity; canMove: boolean; onMove: (stage: Stage) => void }) {
  const { t, lang } = useI18n();
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({ id: opportunity.id, disabled: !canMove });
  const style = transform ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 10, position: 'relative' as const } : undefined;
  return (
    <Card ref={setNodeRef} style={style} data-testid="opportunity-card" aria-label={opportunity.name} component="article" sx={{ opacity: isDragging ? 0.7 : 1 }}>
      <CardContent sx={{ p: 1.5, '&:last-child': { pb: 1.5 } }}>
        <Stack sx={{ alignItems: 'start' }} direction="row" spacing={1}>
          {canMove && (
            <Box
              component="button"
              type="button"
              {...listeners}
              {...attributes}
              aria-label={`Drag ${opportunity.name}`}
              sx={{ cursor: 'grab', border: 0, background: 'none', color: 'inherit', fontSize: 18, p: 0, lineHeight: 1 }}
            >
              ⠿
            </Box>
          )}
          <Box sx={{ minWidth: 0 }}>
            <Typography variant="subtitle2" component="h3" sx={{ overflowWrap: 'anywhere' }}>
              {opportunity.name}
            </Typography>
            <Typography variant="body2">{formatTotals([opportunity], lang)}</Typography>
          </Box>
        </Stack>
        {canMove && (
          <select
            aria-label={t('opportunities.moveTo', { name: opportunity.name })}
            value={opportunity.stage}
            onChange={(e) => onMove(e.target.value as Stage)}
            style={{ marginTop: 8, width: '100%' }}
          >
            {STAGES.map((stage) => (
              <option key={stage} value={stage}>
                {t(`stage.${stage}`)}
              </option>
            ))}
          </select>
        )}
      </CardContent>
    </Card>
  );
}

function Column({ stage, items, children }: { stage: Stage; items: Opportunity[]; children: React.ReactNode }) {
  const { t, lang } = useI18n();
  const { setNodeRef, isOver } = useDroppable({ id: stage });
  return (
    <Paper
      ref={setNodeRef}
      component="section"
      aria-label={t(`stage.${stage}`)}
      data-stage={stage}
      sx={{ p: 1, minWidth: 160, flex: '1 1 160px', bgcolor: isOver ? 'action.hover' : 'background.paper', minHeight: 300 }}
    >
      <Typography variant="h6" component="h2">
        {t(`stage.${stage}`)}
      </Typography>
      <Typography variant="body2" data-testid="column-summary">
        {t('opportunities.count', { n: items.length })} · {formatTotals(items, lang)}
      </Typography>
      <Stack spacing={1} sx={{ mt: 1 }}>
        {children}
      </Stack>
    </Paper>
  );
}

/** Kanban by stage: drag (pointer or keyboard) or pick a stage; the move shows at once and is undone if refused. */
export default function OpportunitiesPage() {
  const { t } = useI18n();
  const auth = useAuth();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const board = useQuery({ queryKey: BOARD, queryFn: () => allPages<Opportunity>('/crm/opportunities') });
  const sensors = useSensors(useSensor(PointerSensor, { activationConstraint: { distance: 5 } }), useSensor(KeyboardSensor));

  const move = useMutation({
    mutationFn: ({ opportunity, stage }: { opportunity: Opportunity; stage: Stage }) =>
      api<Opportunity>(`/crm/opportunities/${opportunity.id}/stage`, { method: 'POST', body: { stage, version: opportunity.version } }),
    meta: { silent: true },
    onMutate: async ({ opportunity, stage }) => {
      await queryClient.cancelQueries({ queryKey: BOARD });
      const before = queryClient.getQueryData<Board>(BOARD);
      queryClient.setQueryData<Board>(BOARD, (current) =>
        current && { ...current, items: current.items.map((o) => (o.id === opportunity.id ? { ...o, stage } : o)) },
      );
      return { before };
    },
    onError: (error, _vars, context) => {
      if (context?.before) queryClient.setQueryData(BOARD, context.before);
      const detail = error instanceof ApiError ? (error.problem.detail ?? error.problem.title ?? error.message) : error.message;
      toasts.error(t('opportunities.rolledBack', { detail }));
    },
    onSuccess: (saved) => {
      queryClient.setQueryData<Board>(BOARD, (current) => current && { ...current, items: current.items.map((o) => (o.id === saved.id ? saved : o)) });
      toasts.success(t('opportunities.moved'));
    },
  });

  const onMove = (opportunity: Opportunity, stage: Stage) => {
    if (opportunity.stage !== stage) move.mutate({ opportunity, stage });
  };
  const onDragEnd = (event: DragEndEvent) => {
    const opportunity = board.data?.items.find((o) => o.id === event.active.id);
    if (opportunity && event.over) onMove(opportunity, event.over.id as Stage);
  };

  if (!board.data) return <CircularProgress aria-label={t('common.loading')} />;
  const canMove = auth.can('crm/write');
  return (
    <Stack spacing={2}>
      <Typography variant="h4" component="h1">
        {t('nav.opportunities')}
      </Typography>
      <DndContext sensors={sensors} onDragEnd={onDragEnd}>
        <Box sx={{ display: 'flex', gap: 1, overflowX: 'auto', pb: 1 }}>
          {STAGES.map((stage) => {
            const items = board.data.items.filter((o) => o.stage === stage);
            return (
              <Column key={stage} stage={stage} items={items}>
                {items.map((o) => (
                  <OpportunityCard key={o.id} opportunity={o} canMove={canMove} onMove={(s) => onMove(o, s)} />
                ))}
              </Column>
            );
          })}
        </Box>
      </DndContext>
    </Stack>
  );
}
