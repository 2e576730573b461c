using Microsoft.AspNetCore.Mvc.Controllers;
using Microsoft.AspNetCore.Mvc.Razor;
using Microsoft.AspNetCore.Mvc.ViewComponents;

namespace SocialEconomy.Web.Features.Shared;

/// <summary>
/// A feature is a folder (docs/style.md habit 3), and a folder holds several controllers
/// (Results holds YearResults, ResultsPeriods and ResultsOverview), so views are found by the
/// folder of the controller's namespace, not by the controller's name:
/// <c>View("Board")</c> in Features.Results is /Features/Results/Board.cshtml, a partial
/// <c>"_Error"</c> is looked for there and then in /Features/Shared, and a view of another
/// feature is named with its folder, <c>"Reports/ExternalReport"</c>. A view component's view
/// (<c>View("_StructureTree")</c>) is found in the component's own feature folder.
/// </summary>
public sealed class FeatureViewLocations : IViewLocationExpander
{
    private const string FeatureKey = "feature";
    private const string ComponentPrefix = "Components/";
    private const string FeatureNamespace = "SocialEconomy.Web.Features.";

    public void PopulateValues(ViewLocationExpanderContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        context.Values[FeatureKey] = ComponentFeature(context) ?? Feature((context.ActionContext.ActionDescriptor as ControllerActionDescriptor)?.ControllerTypeInfo.Namespace);
    }

    public IEnumerable<string> ExpandViewLocations(ViewLocationExpanderContext context, IEnumerable<string> viewLocations)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(viewLocations);
        var feature = context.Values.TryGetValue(FeatureKey, out var value) ? value : null;
        if (feature is not null && context.ViewName.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            // "Components/StructureTree/_StructureTree": the last segment is the component's file.
            yield return $"/Features/{feature}/{context.ViewName[(context.ViewName.LastIndexOf('/') + 1)..]}.cshtml";
        }
        else if (feature is not null)
        {
            yield return $"/Features/{feature}/{{0}}.cshtml";
        }

        // Then the formats of WebSetup: /Features/Shared/{0} and /Features/{0} ("Reports/PlanBook").
        foreach (var location in viewLocations)
        {
            yield return location;
        }
    }

    private static string? ComponentFeature(ViewLocationExpanderContext context)
    {
        if (!context.ViewName.StartsWith(ComponentPrefix, StringComparison.Ordinal))
        {
            return null;
        }

        var name = context.ViewName.Split('/')[1];
        var components = context.ActionContext.HttpContext.RequestServices.GetRequiredService<IViewComponentDescriptorCollectionProvider>();
        return Feature(components.ViewComponents.Items.FirstOrDefault(c => c.ShortName == name)?.TypeInfo.Namespace);
    }

    private static string? Feature(string? ns) =>
        ns is not null && ns.StartsWith(FeatureNamespace, StringComparison.Ordinal) ? ns[FeatureNamespace.Length..].Split('.')[0] : null;
}
