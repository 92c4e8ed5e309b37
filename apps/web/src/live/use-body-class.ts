import { useEffect } from 'react';

/** Puts classes on <body> while a screen is shown (the player and projector themes). */
export function useBodyClass(classes: string): void {
  useEffect(() => {
    const list = classes.split(/\s+/).filter(Boolean);
    document.body.classList.add(...list);
    return () => document.body.classList.remove(...list);
  }, [classes]);
}
