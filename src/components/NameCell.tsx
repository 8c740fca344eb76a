import React from 'react';
import { css } from '@emotion/css';
import type { GrafanaTheme2 } from '@grafana/data';
import { DataLinksContextMenu, useStyles2 } from '@grafana/ui';
import type { NameLinks } from '../hooks/useNameLinks';

const getStyles = (theme: GrafanaTheme2) => ({
  name: css({ overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', display: 'block', minWidth: 0 }),
  cluster: css({ color: theme.colors.text.secondary, marginRight: theme.spacing(0.5) }),
  link: css({
    background: 'none',
    border: 'none',
    padding: 0,
    color: theme.colors.text.link,
    cursor: 'pointer',
    textAlign: 'left',
    maxWidth: '100%',
    font: 'inherit',
    '&:hover': { textDecoration: 'underline' },
  }),
});

interface Props {
  name: string;
  /** What the cell reads (a broker's short name); the full name is its tooltip. */
  label?: string;
  links?: NameLinks;
  /** The broker's or topic's cluster, when the data holds several: shown before the name. */
  cluster?: string;
}

/** A broker or topic name; with data links configured, a button that opens Grafana's link menu. Always inert text. */
export function NameCell({ name, label = name, links, cluster }: Props) {
  const styles = useStyles2(getStyles);
  const resolved = links?.(name) ?? [];
  if (resolved.length === 0) {
    return (
      <span className={styles.name} title={cluster ? `${cluster} · ${name}` : name}>
        {cluster && <span className={styles.cluster}>{cluster}</span>}
        {label}
      </span>
    );
  }
  return (
    <DataLinksContextMenu links={() => resolved}>
      {(api) =>
        // One link: Grafana wraps the name in the link itself. Several: a button opens the menu.
        api.openMenu ? (
          <button
            type="button"
            className={`${styles.link} ${styles.name}`}
            onClick={api.openMenu}
            title={name}
            aria-haspopup="menu"
          >
            {label}
          </button>
        ) : (
          <span className={`${styles.link} ${styles.name}`} title={name}>
            {label}
          </span>
        )
      }
    </DataLinksContextMenu>
  );
}
