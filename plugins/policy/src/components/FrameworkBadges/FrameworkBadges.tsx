import { Badge, Flex, Text } from '@backstage/ui';

/** The compliance frameworks a rule maps to, e.g. "PCI-DSS 3.5". */
export function FrameworkBadges(props: { frameworks: readonly string[] }) {
  if (props.frameworks.length === 0) {
    return (
      <Text variant="body-small" color="secondary">
        No framework
      </Text>
    );
  }
  return (
    <Flex gap="1" style={{ flexWrap: 'wrap' }}>
      {props.frameworks.map(framework => (
        <Badge key={framework}>{framework}</Badge>
      ))}
    </Flex>
  );
}
