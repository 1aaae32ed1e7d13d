import { notFound } from '#core/errors.ts';
import { isId } from '#core/ids.ts';
import type { AppContext } from '#app/context.ts';

/** An organisation given on the command line by id or by exact name. */
export async function resolveOrganisation(ctx: AppContext, idOrName: string): Promise<string> {
  const organisation = isId(idOrName) ? await ctx.accounts.findOrganisation(idOrName) : await ctx.accounts.findOrganisationByName(idOrName);
  if (!organisation) throw notFound('ORGANISATION_NOT_FOUND', `No organisation with id or name "${idOrName}" (see: waakzaam org list).`);
  return organisation.id;
}
