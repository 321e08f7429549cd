import { HepDecoder } from './hep';
import { SctpDecoder } from './sctp';
import { TcpDecoder } from './tcp';
import type { TransportDecoder } from './types';

/**
 * The transport decoders a capture goes through before UDP, in order: HEP first (recognised by
 * content on any port, it must see a datagram before plain SIP over UDP does), then TCP (SIP,
 * WebSocket, HEP and TLS inside) and SCTP.
 */
export function transportDecoders(): TransportDecoder[] {
  return [new HepDecoder(), new TcpDecoder(), new SctpDecoder()];
}
