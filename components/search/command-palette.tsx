'use client';
/**
 * The command palette: Ctrl-K (Cmd-K on a Mac), or the header's "Search…" button, opens a dialog that
 * jumps to any cluster, section, node, keyspace or table the user can see. The index is one query
 * (search.index), asked for when the palette first opens; the ranking is palette-items.ts.
 */
import { Boxes, Database, FileText, Search, Server, Table2 } from 'lucide-react';
import { usePathname, useRouter } from 'next/navigation';
import { useEffect, useMemo, useState } from 'react';
import { clusterIdOf } from '@/components/shell/nav-model';
import { Button } from '@/components/ui/button';
import {
  CommandDialog,
  CommandEmpty,
  CommandGroup,
  CommandInput,
  CommandItem,
  CommandList,
} from '@/components/ui/command';
import { ErrorBox } from '@/components/ui/error-box';
import { paletteItems, rankItems, type PaletteItem, type PaletteKind } from './palette-items';
import { useSearchIndex } from './use-search-index';

const ICONS: Record<PaletteKind, typeof Search> = {
  page: FileText,
  cluster: Boxes,
  node: Server,
  keyspace: Database,
  table: Table2,
};

const KIND_WORD: Record<PaletteKind, string> = {
  page: 'Page',
  cluster: 'Cluster',
  node: 'Node',
  keyspace: 'Keyspace',
  table: 'Table',
};

export function CommandPalette() {
  const [open, setOpen] = useState(false);
  const [query, setQuery] = useState('');
  const router = useRouter();
  const pathname = usePathname();
  const index = useSearchIndex(open);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey) && !event.altKey && !event.shiftKey) {
        event.preventDefault();
        setOpen((was) => !was);
      }
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, []);

  const items = useMemo(() => (index.data ? paletteItems(index.data) : []), [index.data]);
  const ranked = useMemo(() => rankItems(items, query, clusterIdOf(pathname ?? '')), [items, query, pathname]);
  const failing = index.data?.clusters.filter((c) => c.error !== null) ?? [];

  const go = (item: PaletteItem) => {
    setOpen(false);
    setQuery('');
    router.push(item.href);
  };

  return (
    <>
      <Button
        variant="outline"
        size="sm"
        className="h-8 gap-2 text-muted-foreground"
        onClick={() => setOpen(true)}
        data-testid="palette-open"
        aria-keyshortcuts="Control+K Meta+K"
      >
        <Search aria-hidden />
        <span>Search…</span>
        <kbd className="pointer-events-none hidden rounded border bg-muted px-1.5 font-mono text-[10px] sm:inline">
          Ctrl K
        </kbd>
      </Button>
      <CommandDialog
        open={open}
        onOpenChange={(next) => {
          setOpen(next);
          if (!next) setQuery('');
        }}
        title="Go to"
        description="Jump to a cluster, page, node, keyspace or table"
        commandProps={{ shouldFilter: false, label: 'Go to', loop: true }}
        className="sm:max-w-xl"
      >
        <CommandInput
          value={query}
          onValueChange={setQuery}
          placeholder="Cluster, page, node address, keyspace or table…"
          data-testid="palette-input"
        />
        <CommandList data-testid="palette-results">
          {index.isError ? (
            <div className="p-2">
              <ErrorBox
                error={index.error}
                title="Could not load what to search"
                testId="palette-error"
                onRetry={() => index.refetch()}
              />
            </div>
          ) : !index.data ? (
            <p className="py-6 text-center text-sm text-muted-foreground" data-testid="palette-loading">
              Loading clusters, nodes and tables…
            </p>
          ) : (
            <>
              <CommandEmpty>Nothing matches “{query}”.</CommandEmpty>
              {ranked.length > 0 && (
                <CommandGroup heading={query.trim() ? 'Best matches' : 'Go to'}>
                  {ranked.map((item) => {
                    const Icon = ICONS[item.kind];
                    return (
                      <CommandItem
                        key={item.id}
                        value={item.id}
                        onSelect={() => go(item)}
                        data-testid="palette-item"
                        data-href={item.href}
                        data-kind={item.kind}
                      >
                        <Icon aria-hidden />
                        <span className="truncate font-medium">{item.label}</span>
                        <span className="truncate text-xs text-muted-foreground">{item.detail}</span>
                        <span className="ml-auto text-xs text-muted-foreground">{KIND_WORD[item.kind]}</span>
                      </CommandItem>
                    );
                  })}
                </CommandGroup>
              )}
            </>
          )}
        </CommandList>
        {failing.length > 0 && (
          <p className="border-t px-3 py-2 text-xs text-muted-foreground" data-testid="palette-partial">
            Partly searchable: {failing.map((c) => `${c.name} (${c.error})`).join('; ')}
          </p>
        )}
      </CommandDialog>
    </>
  );
}
