import fc from 'fast-check';
import { brokerId, brokerList, reassignCommands } from './commands';

describe('commands filled from the data', () => {
  it('reads broker ids from the usual names, and never from an IP', () => {
    expect(
      [
        'kafka-1:7071',
        'my-cluster-kafka-0.my-cluster-kafka-brokers:9404',
        'broker3.example.com',
        '10.0.0.5:7071',
        'kafka',
      ].map(brokerId)
    ).toEqual(['1', '0', '3', undefined, undefined]);
    expect(brokerList(['kafka-3:7071', 'kafka-1:7071', 'kafka-2:7071'])).toBe('1,2,3');
    expect(brokerList(['kafka-1:7071', '10.0.0.5:7071'])).toBe('<broker-ids>');
  });

  it('lets nothing a shell would read reach a command, whatever the label values (property)', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string(), { maxLength: 6 }),
        fc.array(fc.string(), { maxLength: 6 }),
        (topics, brokers) => {
          const [echo, generate] = reassignCommands(topics, brokers);
          const json = /^echo '([^']*)' > topics-to-move\.json$/.exec(echo);
          const list = /--broker-list "([^"]*)" --generate$/.exec(generate);
          return (
            json !== null &&
            (JSON.parse(json[1]).topics as Array<{ topic: string }>).every((t) =>
              /^([A-Za-z0-9._-]+|<topic>)$/.test(t.topic)
            ) &&
            list !== null &&
            /^(\d+(,\d+)*|<broker-ids>)$/.test(list[1])
          );
        }
      )
    );
  });
});
