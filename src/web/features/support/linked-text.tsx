import { Anchor } from "@mantine/core";
import { Fragment } from "react";

// An http(s) address up to the next space or angle bracket; trailing punctuation stays text.
const URL_PATTERN = /\bhttps?:\/\/[^\s<>"]+/gi;
const TRAILING = /[.,;:!?)\]}'"]+$/;

/** Splits text into plain pieces and http/https links; nothing else (javascript:, data:) is ever a link. */
export function splitLinks(text: string): ({ text: string } | { href: string })[] {
  const pieces: ({ text: string } | { href: string })[] = [];
  let last = 0;
  for (const match of text.matchAll(URL_PATTERN)) {
    const href = match[0].replace(TRAILING, "");
    const start = match.index;
    if (start > last) pieces.push({ text: text.slice(last, start) });
    pieces.push({ href });
    last = start + href.length;
  }
  if (last < text.length) pieces.push({ text: text.slice(last) });
  return pieces;
}

/**
 * Case text as React text nodes (never HTML), with http/https addresses made into links that
 * open in a new tab and tell the other site nothing of Gatehouse.
 */
export function LinkedText({ text }: { text: string }) {
  return (
    <>
      {splitLinks(text).map((piece, i) =>
        "href" in piece ? (
          <Anchor key={i} href={piece.href} target="_blank" rel="noopener noreferrer" style={{ overflowWrap: "anywhere" }}>
            {piece.href}
          </Anchor>
        ) : (
          <Fragment key={i}>{piece.text}</Fragment>
        ),
      )}
    </>
  );
}
