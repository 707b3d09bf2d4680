import { ActionIcon, Code, CopyButton, Group, Tooltip } from "@mantine/core";

const svg = { width: 16, height: 16, viewBox: "0 0 24 24", fill: "none", stroke: "currentColor", strokeWidth: 2, strokeLinecap: "round", strokeLinejoin: "round", "aria-hidden": true } as const;

function CopyIcon() {
  return (
    <svg {...svg}>
      <rect x="9" y="9" width="12" height="12" rx="2" />
      <path d="M5 15H4a2 2 0 0 1-2-2V4a2 2 0 0 1 2-2h9a2 2 0 0 1 2 2v1" />
    </svg>
  );
}

function CheckIcon() {
  return (
    <svg {...svg}>
      <path d="M5 12l5 5L20 7" />
    </svg>
  );
}

type Props = { value: string; display?: string; label: string; testId?: string };

/** A value to copy (a secret key): shown in monospace with a Copy button beside it. */
export function CopyText({ value, display, label, testId }: Props) {
  return (
    <Group gap="xs" wrap="nowrap" mt={4}>
      <Code fz="md" px="sm" py={6} data-testid={testId} data-value={value} className="gh-code">
        {display ?? value}
      </Code>
      <CopyButton value={value} timeout={2000}>
        {({ copied, copy }) => (
          <Tooltip label={copied ? "Copied" : `Copy the ${label}`} withArrow>
            <ActionIcon variant="default" size="lg" onClick={copy} aria-label={`Copy the ${label}`}>
              {copied ? <CheckIcon /> : <CopyIcon />}
            </ActionIcon>
          </Tooltip>
        )}
      </CopyButton>
    </Group>
  );
}
