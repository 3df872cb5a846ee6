/** `client.community`: `CommunityModule`, the calls and storage of pallet `community`. */
import { toPlain } from '../convert.js';
import type { MirrorTx } from '../tx.js';
import { type Amount, toUnits } from '../units.js';
import type { Ctx } from './shared.js';

/** Community (pallet `community`): the community pool, spent by polls. */
export class CommunityModule {
  constructor(private readonly c: Ctx) {}
  /** Admin (a poll): pays `amount` MIR to `beneficiary`, up to the spend limit. */
  spend(amount: Amount, beneficiary: string): MirrorTx {
    return this.c.tx(this.c.api.tx.community.spend(toUnits(amount), beneficiary));
  }
  /** Admin: the largest single spend. */
  updateConfig(spendLimit: Amount): MirrorTx {
    return this.c.tx(this.c.api.tx.community.updateConfig(toUnits(spendLimit)));
  }
  /** The largest single spend. */
  async spendLimit(): Promise<bigint> {
    return toPlain(await this.c.view.query.community.spendLimit());
  }
}
