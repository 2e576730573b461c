using Microsoft.AspNetCore.Mvc.ModelBinding;
using SocialEconomy.Domain;

namespace SocialEconomy.Web.Features.Shared;

public static class ModelStateExtensions
{
    /// <summary>Runs a domain change; a broken rule becomes a Korean error beside <paramref name="field"/>.</summary>
    public static void TryApply(this ModelStateDictionary modelState, Action change, string field)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        ArgumentNullException.ThrowIfNull(change);
        try
        {
            change();
        }
        catch (DomainException e)
        {
            modelState.AddModelError(field, e.Message);
        }
    }
}
