using Microsoft.EntityFrameworkCore.Storage.ValueConversion;
using SocialEconomy.Domain.Planning;

namespace SocialEconomy.Web.Data;

/// <summary>Stores a unit as its Korean symbol ("천원"), readable in the database and in exports.</summary>
public sealed class UnitConverter() : ValueConverter<Unit, string>(unit => unit.Symbol, symbol => Unit.Parse(symbol));
