using Microsoft.AspNetCore.Mvc.ModelBinding;
using SocialEconomy.Domain;
using SocialEconomy.Domain.Planning;

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

    /// <summary>A typed date outside the plan's range (<see cref="PlanDates"/>) becomes a Korean error beside <paramref name="field"/>.</summary>
    public static void CheckPlanDate(this ModelStateDictionary modelState, YearRange period, DateOnly? date, string field, string label, TimeProvider clock)
    {
        ArgumentNullException.ThrowIfNull(modelState);
        if (date is { } typed && PlanDates.Problem(period, typed, label, Formats.KoreanToday(clock)) is { } problem)
        {
            modelState.AddModelError(field, problem);
        }
    }
}
