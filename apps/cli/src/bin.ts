console.log("danvan")
