interface NetworkInformationLike {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * Whether the reader's connection asks us not to download what nobody asked for yet: Save-Data,
 * or a 2G-class link (the Network Information API, in pages and workers; without it, no).
 */
export function connectionIsPrecious(
  connection: NetworkInformationLike | undefined = (globalThis.navigator as { connection?: NetworkInformationLike } | undefined)
    ?.connection,
): boolean {
  return connection?.saveData === true || /(^|-)2g$/.test(connection?.effectiveType ?? '');
}
