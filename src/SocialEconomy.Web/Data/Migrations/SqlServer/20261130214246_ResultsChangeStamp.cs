using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace SocialEconomy.Web.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class ResultsChangeStamp : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.InsertData(
                table: "ChangeStamps",
                columns: new[] { "Name", "Token" },
                values: new object[] { "results", new Guid("2b8e7d40-5a61-4f0e-8c3b-91d4e6a7f532") });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DeleteData(
                table: "ChangeStamps",
                keyColumn: "Name",
                keyValue: "results");
        }
    }
}
